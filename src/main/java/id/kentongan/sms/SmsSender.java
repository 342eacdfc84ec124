package id.kentongan.sms;

import id.kentongan.member.Msisdn;
import io.vertx.core.Future;

/** Hands an SMS over for delivery. Succeeds once the message is safely kept, not once it is delivered. */
public interface SmsSender {
    Future<Void> send(Msisdn to, String text);
}
