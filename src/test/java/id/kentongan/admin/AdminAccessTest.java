package id.kentongan.admin;

import id.kentongan.AdminClient;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every admin route, taken from the router's own list, refuses a missing or wrong token (401) and a smaller role (403). */
@Tag("redis")
class AdminAccessTest {
    static final Map<AdminAccess.Role, String> TOKEN = Map.of(AdminAccess.Role.VIEWER, Instances.VIEWER_TOKEN,
            AdminAccess.Role.EDITOR, Instances.EDITOR_TOKEN, AdminAccess.Role.ADMIN, Instances.ADMIN_TOKEN);

    static int call(Kentongan k, HttpMethod method, String path, String token) throws Exception {
        if (path.endsWith("/stream")) {
            // A stream answers its headers at once and goes on for minutes: read the status, then hang up.
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + k.port() + path)).GET();
            if (token != null) request.header("Authorization", "Bearer " + token);
            HttpResponse<java.io.InputStream> r = java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return r.statusCode();
        }
        return new AdminClient(k.port(), token).send(method.name(), path, "{}").statusCode();
    }

    static String concrete(String path) {
        return path.replace(":id", "20261123-abcdef").replace(":msisdn", "6281234567890").replace(":code", "parkir");
    }

    @Test
    void everyRouteChecksTheTokenAndTheRole() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.withRedis());
            List<AdminAccess.RouteInfo> routes = k.adminRoutes();
            assertTrue(routes.size() >= 16, "the admin routes: " + routes);
            for (AdminAccess.RouteInfo r : routes) {
                String path = concrete(r.path());
                String what = r.method() + " " + r.path() + " (" + r.role() + ")";
                assertEquals(401, call(k, r.method(), path, null), what + " without a token");
                assertEquals(401, call(k, r.method(), path, "not-a-token"), what + " with a wrong token");
                for (AdminAccess.Role smaller : AdminAccess.Role.values()) {
                    if (smaller.ordinal() < r.role().ordinal()) assertEquals(403, call(k, r.method(), path, TOKEN.get(smaller)), what + " as " + smaller);
                }
                int allowed = call(k, r.method(), path, TOKEN.get(r.role()));
                assertNotEquals(401, allowed, what + " with its role");
                assertNotEquals(403, allowed, what + " with its role");
            }
        }
    }

    @Test
    void changesAreAuditedWithWhoAndWhat() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.withRedis());
            String group = "Audit Group " + System.nanoTime();
            HttpResponse<String> created = AdminClient.as(k, Instances.EDITOR_TOKEN).send("POST", "/admin/groups", new JsonObject().put("name", group));
            assertEquals(201, created.statusCode());
            assertEquals(403, call(k, HttpMethod.GET, "/admin/audit", Instances.EDITOR_TOKEN), "the audit log is the admin's");
            JsonObject log = AdminClient.admin(k).json("GET", "/admin/audit", null);
            assertTrue(log.getJsonArray("entries").stream().map(JsonObject.class::cast)
                    .anyMatch(e -> e.getString("who").equals("editor") && e.getString("what").equals("POST /admin/groups") && e.getInteger("status") == 201),
                    log.encodePrettily());
        }
    }
}
