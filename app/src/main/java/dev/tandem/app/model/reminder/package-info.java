/**
 * Reminders: which are pending and claiming one so it rings once across processes ({@link
 * dev.tandem.app.model.reminder.ReminderStore}), and which ring now ({@link
 * dev.tandem.app.model.reminder.ReminderDue}), for the window and {@code tandem agent} alike. Snoozing is a
 * verb of the core's ({@code TodoVerbs.snooze}). Builds on the model's core and no other feature.
 */
package dev.tandem.app.model.reminder;
