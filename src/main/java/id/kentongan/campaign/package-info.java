/**
 * Operator campaigns: a message template ({@link CampaignTemplate}) sent to the members a {@link Target} picks,
 * shared out over Redis by every instance ({@link Campaigns}).
 * <p>May use: {@code member}, {@code community} (groups), {@code reminder} (quiet hours), {@code outbox}, {@code smpp}
 * (segment counts), {@code store}, the base (domain layer).
 */
package id.kentongan.campaign;
