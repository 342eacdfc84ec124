/**
 * Due-date reminders: which reminder a member is owed and when ({@link id.kentongan.reminder.ReminderPlan}, pure), the
 * hours a worker accepts SMS ({@link id.kentongan.reminder.QuietHours}), the words ({@link id.kentongan.reminder.ReminderTexts}),
 * and the Redis schedule shared by every instance ({@link id.kentongan.reminder.Reminders}).
 */
package id.kentongan.reminder;
