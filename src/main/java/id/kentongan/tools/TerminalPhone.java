package id.kentongan.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code dial}: a feature phone in the terminal. It speaks the Africa's Talking convention to a running service,
 * draws each screen as a phone would and reads the next input. An empty line quits, as "Cancel" would.
 */
public final class TerminalPhone {
    private static final int WIDTH = 34;

    private final URI base;
    private final String msisdn;
    private final String code;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TerminalPhone(URI base, String msisdn, String code) {
        this.base = base;
        this.msisdn = msisdn;
        this.code = code;
    }

    /** Returns 0 when the service ended the session, 1 when the worker hung up, 2 when the service could not be reached. */
    public int run(BufferedReader in, PrintStream out) throws IOException, InterruptedException {
        String sessionId = "dial-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> inputs = new ArrayList<>();
        out.println("Calling " + code + " from " + msisdn + " ...");
        while (true) {
            HttpResponse<String> res;
            try {
                res = http.send(HttpRequest.newBuilder(base.resolve("/ussd/at"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(sessionId, String.join("*", inputs)))).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.println("Cannot reach " + base + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + "): is the service running? Start it with: java -jar target/kentongan.jar serve");
                return 2;
            }
            String body = res.body();
            if (res.statusCode() != 200) {
                out.println("Service refused the request (" + res.statusCode() + "): " + body);
                return 2;
            }
            boolean end = body.startsWith("END ");
            draw(out, body.length() >= 4 ? body.substring(4) : body, end);
            if (end) return 0;
            out.print("> ");
            out.flush();
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                out.println("(hung up)");
                return 1;
            }
            inputs.add(line);
        }
    }

    private String form(String sessionId, String text) {
        return "sessionId=" + enc(sessionId) + "&serviceCode=" + enc(code) + "&phoneNumber=" + enc(msisdn)
                + "&networkCode=51010&text=" + enc(text);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void draw(PrintStream out, String text, boolean end) {
        String rule = "+" + "-".repeat(WIDTH) + "+";
        out.println(rule);
        for (String line : text.split("\n", -1)) {
            String rest = line;
            do {
                // Wrapped at a space, as a phone does; a word longer than the line is cut.
                int cut = rest.length() <= WIDTH - 2 ? rest.length() : rest.lastIndexOf(' ', WIDTH - 2);
                if (cut <= 0) cut = Math.min(rest.length(), WIDTH - 2);
                String part = rest.substring(0, cut);
                rest = rest.substring(cut).stripLeading();
                out.println("| " + part + " ".repeat(WIDTH - 2 - part.length()) + " |");
            } while (!rest.isEmpty());
        }
        out.println(rule + (end ? "  [session ended]" : ""));
    }
}
