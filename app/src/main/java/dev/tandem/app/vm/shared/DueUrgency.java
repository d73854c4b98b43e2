package dev.tandem.app.vm.shared;

/** How urgent a row's due date looks: overdue, due today, or neither (or done). */
public enum DueUrgency { NONE, OVERDUE, TODAY }
