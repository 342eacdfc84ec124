package id.kentongan.store;

import id.kentongan.domain.Msisdn;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every key the keyspace names: under its namespace, one phone's keys in one cluster slot, no two kinds alike. */
class KeyspaceTest {
    static final Msisdn PHONE = new Msisdn("6281234567890");

    /** Calls every key method with sample arguments: a phone, "x" for strings, 7 for days, 3 for a shard. */
    static List<String> everyKey(Keyspace keys, Set<String> perPhone) throws Exception {
        List<String> all = new ArrayList<>();
        for (Method m : Keyspace.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.getReturnType() != String.class
                    || m.getName().equals("root")) continue;
            Object[] args = new Object[m.getParameterCount()];
            boolean phone = false;
            for (int i = 0; i < args.length; i++) {
                Class<?> t = m.getParameterTypes()[i];
                if (t == Msisdn.class) {
                    args[i] = PHONE;
                    phone = true;
                } else if (t == long.class) {
                    args[i] = 7L;
                } else if (t == int.class) {
                    args[i] = 3;
                } else if (t == java.time.LocalDate.class) {
                    args[i] = java.time.LocalDate.of(2026, 12, 3);
                } else if (m.getName().equals("optOut")) { // the outbox holds the number as a string
                    args[i] = PHONE.value();
                    phone = true;
                } else {
                    args[i] = "x";
                }
            }
            String key = (String) m.invoke(keys, args);
            all.add(key);
            // The sandbox stands in for a remote core system: its index by number is one key read alone, no tag needed.
            if (phone && !m.getName().startsWith("sandbox")) perPhone.add(key);
        }
        return all;
    }

    @Test
    void everyKeyIsUnderTheNamespaceAndAPhonesKeysShareItsHashTag() throws Exception {
        Set<String> perPhone = new HashSet<>();
        List<String> all = everyKey(new Keyspace("kt-x"), perPhone);
        assertTrue(all.size() > 40, "keys named: " + all.size());
        for (String k : all) assertTrue(k.startsWith("kt-x:"), k);
        assertTrue(perPhone.size() >= 15, perPhone.toString());
        for (String k : perPhone) assertTrue(k.startsWith("kt-x:{6281234567890}:"), k);
        for (String k : all) {
            // Besides a phone's keys, the outbox's shards carry a tag: {sms<i>} (one slot per shard); a quota's counter,
            // tagged by whoever it counts (a phone, or an admin caller's address).
            // The reminder schedule shares {rem}, a campaign {c:<id>}: their scripts move members between their keys.
            // The readiness probes {ready<n>} lie one in each sixteenth of the slots (any master answering is "ready").
            // A participation row is alone in its slot {part:<dimension>:<key>}: the rows' writes spread over the masters.
            // A menu's funnel days share {funnel:<code>} (written once a second per instance, read together).
            // The sandbox core system's keys share {sandbox}: a registration sets a member and its indexes in one script.
            if (!perPhone.contains(k)) {
                assertTrue(!k.contains("{") || k.startsWith("kt-x:{sms3}:") || k.equals("kt-x:{x}:quota:x") || k.startsWith("kt-x:{rem}:")
                        || k.startsWith("kt-x:{c:x}:") || k.equals("kt-x:{part:x:x}") || k.matches("kt-x:\\{ready\\d+}") || k.startsWith("kt-x:{funnel:x}:")
                        || k.startsWith("kt-x:{sandbox}:"),
                        "unexpected hash tag: " + k);
            }
        }
        // Overloads of one kind (optOut by Msisdn or by the outbox's string) name one key; different kinds never do.
        assertEquals(all.size() - 1, new HashSet<>(all).size(), "no two kinds of key alike: " + all);
        assertEquals(new Keyspace("kt-x").optOut(PHONE), new Keyspace("kt-x").optOut(PHONE.value()), "one opt-out key, however the number is held");
    }

    @Test
    void theReadinessProbesLieOneInEachSixteenthOfTheSlots() {
        Keyspace keys = new Keyspace("kt");
        Set<Integer> sixteenths = new HashSet<>();
        for (int i = 0; i < Keyspace.READINESS_PROBES; i++) {
            sixteenths.add(io.lettuce.core.cluster.SlotHash.getSlot(keys.readinessProbe(i)) * 16 / io.lettuce.core.cluster.SlotHash.SLOT_COUNT);
        }
        assertEquals(16, sixteenths.size());
    }

    @Test
    void aNamespaceThatCouldBreakTheKeysIsRefused() {
        for (String bad : new String[]{"", "kt{x}", "kt x", "kt*", "a".repeat(49)}) {
            assertThrows(IllegalArgumentException.class, () -> new Keyspace(bad), bad);
        }
    }
}
