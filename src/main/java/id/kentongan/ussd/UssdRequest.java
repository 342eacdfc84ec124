package id.kentongan.ussd;

import id.kentongan.domain.Msisdn;

import java.util.List;

/** One hop from a USSD gateway, whatever its convention, after the transport has checked and normalised it. */
public record UssdRequest(String sessionId, Msisdn msisdn, String serviceCode, Hop hop, String requestId) {
    public UssdRequest(String sessionId, Msisdn msisdn, String serviceCode, Hop hop) {
        this(sessionId, msisdn, serviceCode, hop, "-");
    }

    /** The same hop under the id the HTTP request carried (X-Request-Id), for the log lines it causes. */
    public UssdRequest withRequestId(String id) {
        return new UssdRequest(sessionId, msisdn, serviceCode, hop, id == null ? "-" : id);
    }

    /** What the gateway says the worker did on this hop. */
    public sealed interface Hop {
        /** Identifies this request: a repeat of the last one is a gateway retry. */
        String key();

        /** The inputs this hop adds, given the key of the last hop answered (null on a new session). */
        List<String> inputsAfter(String lastKey);

        /**
         * Plainly a dial, the first hop of a dialogue, as the gateway tells without the session being read (a dialled
         * shortcut such as *567*1# is not told apart from a later hop this way).
         */
        boolean opens();
    }

    /**
     * Africa's Talking: {@code text} is every input so far joined by {@code *}, empty on the first hop. The new input
     * is what follows the previous history, so an input that itself contains {@code *} stays whole. The key kept in
     * the session is the history's length and 16 bits of its hash, never the text: the history holds what the worker
     * typed (an agent's PIN, a NIK), and 16 bits cannot give a PIN back.
     */
    public record History(String text) implements Hop {
        @Override
        public String key() {
            // 16 bits of String's own (cached) hash: cheap on every hop, and far too few bits to give a PIN back.
            return "#" + text.length() + ":" + Integer.toHexString(text.hashCode() & 0xFFFF);
        }

        @Override
        public List<String> inputsAfter(String lastKey) {
            if (lastKey == null) {
                // A first hop with text is a dialled shortcut such as *567*1#: each part is an input.
                return text.isEmpty() ? List.of() : List.of(text.split("\\*", -1));
            }
            int before = previousLength(lastKey);
            if (before == 0) return List.of(text);
            if (before > 0 && text.length() > before && text.charAt(before) == '*') return List.of(text.substring(before + 1));
            // History rewritten by the gateway (some trim it on back-navigation): the last part is the new input.
            int star = text.lastIndexOf('*');
            return List.of(star < 0 ? text : text.substring(star + 1));
        }

        @Override
        public boolean opens() {
            return text.isEmpty();
        }

        private static int previousLength(String key) {
            int colon = key.indexOf(':');
            if (!key.startsWith("#") || colon < 2) return -1;
            try {
                return Integer.parseInt(key.substring(1, colon));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** Hubtel and similar: one message per hop, numbered by the gateway. */
    public record Single(String message, String sequence, boolean initiation) implements Hop {
        @Override
        public String key() {
            return sequence;
        }

        @Override
        public List<String> inputsAfter(String lastKey) {
            return initiation ? List.of() : List.of(message);
        }

        @Override
        public boolean opens() {
            return initiation;
        }
    }
}
