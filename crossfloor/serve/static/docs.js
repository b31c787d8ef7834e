// Starts Swagger UI on this server's own OpenAPI schema (a file, since the pages allow no inline
// script). No validator badge: it would ask another host about the schema. No deep links: Swagger
// UI 5 puts each operation's link inside the button that opens it (an interactive element inside
// another, which screen readers cannot reach).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: false, validatorUrl: null });
});
