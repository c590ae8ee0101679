namespace PatientAccess.Monitor.Detection;

/// <summary>
/// The time an event is counted at. Its own time, so out-of-order events and a backlog read after
/// an outage land in the windows they belong to, except: stamped more than the allowed skew in the
/// future (a producer clock running ahead), it counts at the time it was received, so it cannot
/// count in windows that have not started; older than the detector's window, it does not count at
/// all, since its window is over: counting it now would pile a backlog's hours into one window and
/// act on a burst that never happened (a false action), and an event from a producer whose clock
/// lags hours is counted in <c>patientaccess_monitor_detection_skipped_total</c> for staff to see.
/// </summary>
internal static class EventClock
{
    public static DateTimeOffset? Effective(DateTimeOffset eventTime, DateTimeOffset received, int windowSeconds, int maxFutureSkewSeconds)
    {
        if (eventTime > received.AddSeconds(maxFutureSkewSeconds))
        {
            return received;
        }

        return eventTime < received.AddSeconds(-windowSeconds) ? null : eventTime;
    }
}
