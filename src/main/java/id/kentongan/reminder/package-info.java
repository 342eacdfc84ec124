/**
 * Due-date reminders: which reminder a member is owed and when ({@link ReminderPlan}, pure), the hours a worker
 * accepts SMS ({@link QuietHours}), the words ({@link ReminderTexts}), and the Redis schedule shared by every
 * instance ({@link Reminders}).
 * <p>May use: {@code member}, {@code outbox}, {@code store}, the base (domain layer).
 */
package id.kentongan.reminder;
