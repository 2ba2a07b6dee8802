package org.gongzhi.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client of the running application over real HTTP (Tomcat, the filters, the whole security chain), keeping its
 * cookies like a browser: it signs in through the login form and sends the CSRF token a page gave it.
 */
public final class RealHttp {

    public static final String DEMO_PASSWORD = "Demo#2026gz";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrf;

    private RealHttp(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A client with no session yet. */
    public static RealHttp anonymous(int port) {
        return new RealHttp(port);
    }

    /** A client signed in as a demo staff account (no second factor). */
    public static RealHttp signedIn(int port, String username) {
        RealHttp http = new RealHttp(port);
        HttpResponse<String> response = http.signIn(username, DEMO_PASSWORD, null);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException(
                    "Sign-in of " + username + " failed: " + response.statusCode() + " " + location);
        }
        http.refreshCsrf("/");
        return http;
    }

    /** Posts the sign-in form as a person would: the form's CSRF token first, then user name, password and code. */
    public HttpResponse<String> signIn(String username, String password, String code) {
        refreshCsrf("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        if (code != null) {
            form.put("code", code);
        }
        return postForm("/login", form);
    }

    /** Reads the CSRF token from a page that carries one (the sign-in page, or any page with the sign-out form). */
    public String refreshCsrf(String page) {
        HttpResponse<String> response = get(page, "text/html");
        Matcher m = CSRF.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on " + page + " (" + response.statusCode() + ")");
        }
        csrf = m.group(1);
        return csrf;
    }

    public String csrf() {
        return csrf;
    }

    public HttpResponse<String> get(String path) {
        return get(path, "application/json");
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public HttpResponse<String> json(String method, String path, String body) {
        var request = request(path)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request);
    }

    /** A form post with the CSRF token in the body, as a page sends it. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data upload of one file, with the CSRF token in the header. */
    public HttpResponse<String> multipart(String path, String field, String filename, byte[] content) {
        String boundary = "----gongzhi" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = request(path)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the client holds a session cookie. */
    public boolean hasSession() {
        return cookies.getCookieStore().getCookies().stream()
                .anyMatch(c -> c.getName().equals("SESSION"));
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
