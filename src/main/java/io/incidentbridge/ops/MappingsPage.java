package io.incidentbridge.ops;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The mapping workbench at /mappings: a static page from the jar (static/mappings/) that works through the admin API.
 * Any login may open it (Spring Security sends strangers to the login page); only the admin may save.
 */
@Controller
public class MappingsPage {

    @GetMapping({"/mappings", "/mappings/"})
    public String page() {
        return "forward:/mappings/index.html";
    }

    /** Who is looking, and whether the page offers saving (the admin API decides anyway). */
    @GetMapping("/mappings/session")
    @ResponseBody
    public Map<String, Object> session(Principal principal) {
        boolean admin = principal instanceof Authentication login && login.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + SecurityConfiguration.ADMIN));
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("user", principal == null ? null : principal.getName());
        session.put("can_edit", admin);
        return session;
    }
}
