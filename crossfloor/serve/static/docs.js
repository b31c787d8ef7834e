// Starts Swagger UI on this server's own OpenAPI schema (a file, since the pages allow no inline
// script). No validator badge: it would ask another host about the schema.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null });
});
