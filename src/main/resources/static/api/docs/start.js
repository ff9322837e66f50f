// Swagger UI pointed at the bridge's own OpenAPI document. Calls made from the page carry the login and the CSRF
// token of this browser session, as the admin API asks of every call that changes something.
window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  requestInterceptor: function (request) {
    var token = document.cookie.split("; ").find(function (c) { return c.indexOf("XSRF-TOKEN=") === 0; });
    if (token) {
      request.headers["X-XSRF-TOKEN"] = decodeURIComponent(token.substring("XSRF-TOKEN=".length));
    }
    return request;
  }
});
