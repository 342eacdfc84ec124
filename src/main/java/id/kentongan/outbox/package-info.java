/**
 * Sending SMS durably: {@link SmsSender} (what the domain calls), the {@link SmsOutbox} (Redis Streams with a consumer
 * group shared by every instance, or memory), the {@link OutboxSender} threads that drain it through the SMSC client,
 * delivery receipts, and {@link OptOuts} (STOP withholds what the sender marked stoppable).
 * <p>May use: {@code smpp}, {@code store}, {@code metrics}, the base (infrastructure layer).
 */
package id.kentongan.outbox;
