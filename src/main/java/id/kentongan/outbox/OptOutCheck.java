package id.kentongan.outbox;

import java.util.Collection;
import java.util.Set;

/** Which of these numbers (628…) asked for no more reminders or campaigns (SMS STOP); asked at send time. Blocking. */
@FunctionalInterface
public interface OptOutCheck {
    OptOutCheck NONE = numbers -> Set.of();

    Set<String> optedOut(Collection<String> msisdns);
}
