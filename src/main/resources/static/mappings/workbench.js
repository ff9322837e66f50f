// The mapping workbench: edit, check, preview, save and restore the mapping files through the admin API.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const state = { files: [], name: null, current: null, canEdit: false, checkTimer: null, checkSeq: 0 };

  function cookie(name) {
    const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
    return found ? decodeURIComponent(found.substring(name.length + 1)) : '';
  }

  // Every call sends the CSRF token of the session (XSRF-TOKEN cookie) and says it comes from this page.
  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json', 'X-Mapping-Source': 'page', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { status: response.status, data };
  }

  function text(value) { return value === null || value === undefined ? '' : String(value); }
  function when(value) { return value ? new Date(value).toLocaleString() : ''; }
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (k === 'text') node.textContent = v; else node.setAttribute(k, v); });
    (children || []).forEach((child) => node.appendChild(child));
    return node;
  }

  async function loadFiles() {
    const { data } = await api('GET', '/api/mappings');
    state.files = data || [];
    const body = $('files').querySelector('tbody');
    body.innerHTML = '';
    state.files.forEach((file) => {
      const row = el('tr', { 'data-name': file.name }, [el('td', { text: file.name }), el('td', { text: 'v' + file.version }),
        el('td', { text: file.updated_by }), el('td', { text: when(file.updated_at) })]);
      if (file.name === state.name) row.classList.add('selected');
      row.addEventListener('click', () => open(file.name));
      body.appendChild(row);
    });
  }

  async function open(name) {
    const { data } = await api('GET', '/api/mappings/' + encodeURIComponent(name));
    state.name = name;
    state.current = data;
    $('file-name').textContent = name;
    $('file-version').textContent = 'version ' + data.version + ' in force, ' + data.source + ', by ' + data.updated_by + ', ' + when(data.updated_at);
    $('code').value = data.content;
    $('conflict').hidden = true;
    $('save-result').textContent = '';
    $('preview-kind').value = name === 'servicenow-to-incident.jslt' ? 'servicenow' : 'incident_id';
    document.querySelectorAll('#files tbody tr').forEach((row) => row.classList.toggle('selected', row.dataset.name === name));
    renderGutter(null);
    showProblem(null);
    await loadHistory();
  }

  function renderGutter(error) {
    const lines = $('code').value.split('\n').length;
    const gutter = $('gutter');
    gutter.innerHTML = '';
    for (let i = 1; i <= lines; i++) {
      const ln = el('div', { class: 'ln', text: String(i) });
      if (error && error.line === i) { ln.classList.add('error'); ln.title = error.message; }
      gutter.appendChild(ln);
    }
    gutter.scrollTop = $('code').scrollTop;
    const band = $('error-band');
    if (error && error.line) {
      band.hidden = false;
      band.style.top = (4 + (error.line - 1) * 18 - $('code').scrollTop) + 'px';
    } else {
      band.hidden = true;
    }
  }

  function showProblem(error) {
    const problem = $('problem');
    if (!error) {
      problem.className = 'ok';
      problem.textContent = 'No problems.';
      return;
    }
    problem.className = 'error';
    const where = error.line ? 'Line ' + error.line + (error.column ? ', column ' + error.column : '') + ': ' : '';
    problem.textContent = where + error.message;
  }

  // Validates as you type: the draft is checked as a save would check it, and an error is marked at its line.
  function scheduleCheck() {
    clearTimeout(state.checkTimer);
    renderGutter(state.error);
    state.checkTimer = setTimeout(check, 400);
  }

  async function check() {
    const seq = ++state.checkSeq;
    const drafts = {};
    drafts[state.name] = $('code').value;
    const { status, data } = await api('POST', '/api/mappings/validate', { drafts });
    if (seq !== state.checkSeq) return;
    const error = status === 200 ? null : firstError(data);
    state.error = error && (!error.file || error.file === state.name) ? error : (error ? { message: error.message } : null);
    renderGutter(state.error);
    showProblem(state.error);
  }

  // Shows the error's line in the editor, with the cursor at its column.
  function jumpTo(error) {
    if (!error || !error.line) return;
    const code = $('code');
    const lines = code.value.split('\n');
    const offset = lines.slice(0, error.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + Math.max(0, (error.column || 1) - 1);
    code.focus();
    code.setSelectionRange(offset, offset);
    code.scrollTop = Math.max(0, (error.line - 5) * 18);
    renderGutter(error);
  }

  function firstError(data) {
    if (data && data.errors && data.errors.length) return data.errors[0];
    return { message: data && data.error ? data.error : 'the check failed' };
  }

  async function save() {
    const body = { content: $('code').value, base_version: state.current.version, comment: $('comment').value };
    const { status, data } = await api('PUT', '/api/mappings/' + encodeURIComponent(state.name), body);
    if (status === 200) {
      $('save-result').textContent = 'Saved as version ' + data.version + '.';
      $('comment').value = '';
      const saved = $('save-result').textContent;
      await loadFiles();
      await open(state.name);
      $('save-result').textContent = saved;
    } else if (status === 409) {
      const current = data.current;
      const conflict = $('conflict');
      conflict.hidden = false;
      conflict.innerHTML = '';
      conflict.appendChild(el('div', { text: data.error + '. What changed meanwhile (your version starts from ' + state.current.version
        + '; - theirs, + yours):' }));
      conflict.appendChild(diffView(current.content, $('code').value));
      state.current = current;
      $('file-version').textContent = 'version ' + current.version + ' in force, by ' + current.updated_by;
    } else if (status === 400) {
      state.error = firstError(data);
      renderGutter(state.error);
      showProblem(state.error);
      $('save-result').textContent = 'Not saved: the draft does not hold.';
    } else {
      $('save-result').textContent = 'Not saved (' + status + '): ' + text(data && data.error);
    }
  }

  async function preview() {
    const kind = $('preview-kind').value;
    const drafts = {};
    drafts[state.name] = $('code').value;
    const request = { drafts };
    const key = $('preview-key').value.trim();
    if (kind === 'incident_id') request.incident_id = key;
    if (kind === 'payload') {
      try { request.incident = JSON.parse($('preview-payload').value); } catch (e) { return showPreviewError('The payload is not JSON: ' + e.message); }
    }
    if (kind === 'servicenow') {
      request.direction = 'servicenow-to-incident';
      if (/^[0-9a-f]{32}$/.test(key)) request.sys_id = key; else request.number = key;
    }
    const { status, data } = await api('POST', '/api/mappings/preview', request);
    if (status !== 200) return showPreviewError(firstError(data).message);
    const out = $('preview-result');
    out.innerHTML = '';
    if (kind === 'servicenow') {
      out.appendChild(el('div', { class: 'summary', text: data.differs_from_in_force && data.differs_from_in_force.length
        ? 'This draft differs from the version in force in: ' + data.differs_from_in_force.join(', ') : 'Same incident.io side as the version in force.' }));
      out.appendChild(el('pre', { class: 'diff', text: JSON.stringify(data.incident_io, null, 2) }));
      fieldHelper(null, data.change && data.change.values);
      return;
    }
    out.appendChild(el('div', { class: 'summary', id: 'preview-summary', text: data.summary || 'No linked ServiceNow record yet.' }));
    const rows = Object.keys(data.fields).sort().map((field) => {
      const inForce = data.in_force ? text(data.in_force[field]) : '';
      const record = data.servicenow_record ? text(data.servicenow_record[field]) : '';
      const row = el('tr', { 'data-field': field }, [el('td', { text: field }), el('td', { text: data.fields[field] }),
        el('td', { text: inForce }), el('td', { text: record })]);
      if (data.diff && data.diff[field]) row.classList.add('changed');
      return row;
    });
    out.appendChild(el('table', { id: 'preview-fields' }, [el('thead', {}, [el('tr', {}, [el('th', { text: 'Field' }),
      el('th', { text: 'This draft' }), el('th', { text: 'Version in force' }), el('th', { text: 'ServiceNow now' })])]),
      el('tbody', {}, rows)]));
    fieldHelper(data.incident, data.servicenow_record);
  }

  function showPreviewError(message) {
    $('preview-result').innerHTML = '';
    $('preview-result').appendChild(el('div', { class: 'summary', text: message }));
  }

  // Lists the paths of the previewed incident (custom fields by name) and the ServiceNow columns; a click inserts one.
  function fieldHelper(incident, record) {
    const incidentList = $('incident-fields');
    if (incident) {
      incidentList.innerHTML = '';
      paths(incident, '').forEach((path) => incidentList.appendChild(item(path)));
      (incident.custom_field_entries || []).forEach((entry) => incidentList.appendChild(
        item('custom-field(.custom_field_entries, "' + entry.custom_field.name + '")')));
    }
    if (record) {
      const list = $('servicenow-fields');
      list.innerHTML = '';
      Object.keys(record).sort().forEach((column) => list.appendChild(item(column)));
    }
  }

  function item(path) {
    const li = el('li', { text: path });
    li.addEventListener('click', () => insert(path));
    return li;
  }

  function paths(value, prefix) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
    return Object.keys(value).flatMap((key) => key === 'custom_field_entries' ? ['.custom_field_entries']
      : paths(value[key], (prefix || '') + '.' + key));
  }

  function insert(snippet) {
    const code = $('code');
    const start = code.selectionStart;
    code.value = code.value.slice(0, start) + snippet + code.value.slice(code.selectionEnd);
    code.selectionStart = code.selectionEnd = start + snippet.length;
    code.focus();
    scheduleCheck();
  }

  async function loadHistory() {
    const { data } = await api('GET', '/api/mappings/' + encodeURIComponent(state.name) + '/versions');
    const body = $('history').querySelector('tbody');
    body.innerHTML = '';
    (data || []).forEach((version, index) => {
      const pick = el('input', { type: 'checkbox', value: String(version.version) });
      if (index < 2) pick.checked = true;
      const restore = el('button', { class: 'restore', 'data-version': String(version.version), text: 'Restore' });
      if (!state.canEdit || index === 0) restore.disabled = true;
      restore.addEventListener('click', () => restoreVersion(version.version));
      body.appendChild(el('tr', { 'data-version': String(version.version) }, [el('td', {}, [pick]), el('td', { text: 'v' + version.version }),
        el('td', { text: version.source }), el('td', { text: version.updated_by }), el('td', { text: when(version.updated_at) }),
        el('td', { text: text(version.comment) }), el('td', {}, [restore])]));
    });
    $('version-diff').innerHTML = '';
  }

  async function restoreVersion(version) {
    const { status, data } = await api('POST', '/api/mappings/' + encodeURIComponent(state.name) + '/versions/' + version + '/restore');
    if (status !== 200) { $('save-result').textContent = 'Not restored: ' + text(data && data.error); return; }
    await loadFiles();
    await open(state.name);
    $('save-result').textContent = 'Version ' + version + ' restored as version ' + data.version + '.';
  }

  async function compare() {
    const picked = [...document.querySelectorAll('#history tbody input:checked')].map((c) => c.value).sort((a, b) => a - b);
    if (picked.length !== 2) { $('version-diff').textContent = 'Check exactly two versions.'; return; }
    const base = '/api/mappings/' + encodeURIComponent(state.name) + '/versions/';
    const [older, newer] = await Promise.all(picked.map((v) => api('GET', base + v)));
    const out = $('version-diff');
    out.innerHTML = '';
    out.appendChild(el('div', { text: 'v' + picked[0] + ' → v' + picked[1] }));
    out.appendChild(diffView(older.data.content, newer.data.content));
  }

  // A line diff (longest common subsequence): "- " only in the first text, "+ " only in the second.
  function diffView(before, after) {
    const a = before.split('\n');
    const b = after.split('\n');
    const common = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    const out = el('pre', { class: 'diff' });
    let i = 0;
    let j = 0;
    const line = (cls, prefix, value) => out.appendChild(el('span', cls ? { class: cls, text: prefix + value } : { text: prefix + value + '\n' }));
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) { line(null, '  ', a[i]); i++; j++; }
      else if (j >= b.length || (i < a.length && common[i + 1][j] >= common[i][j + 1])) { line('del', '- ', a[i]); i++; }
      else { line('add', '+ ', b[j]); j++; }
    }
    return out;
  }

  async function start() {
    const { data } = await api('GET', '/mappings/session');
    state.canEdit = !!(data && data.can_edit);
    $('who').textContent = data ? data.user + (state.canEdit ? ' (may save)' : ' (read only)') : '';
    $('save').disabled = !state.canEdit;
    // The viewer may try drafts (check and preview read only) but not save them.
    $('code').addEventListener('input', () => scheduleCheck());
    $('code').addEventListener('scroll', () => renderGutter(state.error));
    $('save').addEventListener('click', save);
    $('preview').addEventListener('click', preview);
    $('compare').addEventListener('click', compare);
    $('problem').addEventListener('click', () => jumpTo(state.error));
    $('preview-kind').addEventListener('change', () => { $('preview-payload').hidden = $('preview-kind').value !== 'payload'; });
    await loadFiles();
    if (state.files.length) await open(state.files[0].name);
  }

  start();
})();
