package id.kentongan.reminder;

/**
 * The moments a member is reminded. Cover runs to the last day of the paid-through month; after three unpaid months
 * membership ends (MembershipStatus). FINAL is the last warning, seven days before that end.
 */
public enum DueEvent {
    /** Seven days before cover ends. */
    BEFORE_7,
    /** The day before cover ends. */
    BEFORE_1,
    /** The first day without cover. */
    LAPSED,
    /** Seven days before membership ends at the close of the third unpaid month. */
    FINAL
}
