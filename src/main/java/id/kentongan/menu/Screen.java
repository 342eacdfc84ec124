package id.kentongan.menu;

import java.util.List;
import java.util.Map;

/** One screen of a journey. Each kind is a record; the engine switches over them exhaustively. */
public sealed interface Screen {
    String id();

    int line();

    /** The kind of screen, a closed set: what the hop meter labels a hop with. */
    String kind();

    /** Numbered options; choosing one may {@code set} session values before moving on. */
    record MenuScreen(String id, int line, Text text, List<Option> options, boolean paginate) implements Screen {
        @Override
        public String kind() {
            return "menu";
        }
    }

    record Option(Text label, String next, Map<String, String> set, int line) {}

    /**
     * Free input checked by a named rule; the normalised value is stored under {@code store}, or, when {@code secret}
     * (a PIN), among the state's secrets: never shown, never stored in clear (see {@link SessionState}).
     */
    record InputScreen(String id, int line, Text text, InputRule rule, String store, String next, Text error,
                       Map<String, String> params, boolean secret) implements Screen {
        @Override
        public String kind() {
            return "input";
        }
    }

    /** Runs a named effect and branches on its result. Not shown to the worker. */
    record ActionScreen(String id, int line, String action, Map<String, String> on) implements Screen {
        @Override
        public String kind() {
            return "action";
        }
    }

    /** Text only: {@code end} closes the session, otherwise any input moves to {@code next}. */
    record MessageScreen(String id, int line, Text text, boolean end, String next, boolean paginate) implements Screen {
        @Override
        public String kind() {
            return "message";
        }
    }

    /** Branches on session values, first matching route wins. Not shown to the worker. */
    record RouterScreen(String id, int line, List<Route> routes, String otherwise) implements Screen {
        @Override
        public String kind() {
            return "router";
        }
    }

    record Route(Condition when, String next, int line) {}
}
