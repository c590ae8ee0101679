namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>A series' current value, updated lock-free from many threads.</summary>
internal sealed class ValueCell
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public void Set(double value) => Volatile.Write(ref _value, value);

    public void Add(double delta)
    {
        double current, updated;
        do
        {
            current = Volatile.Read(ref _value);
            updated = current + delta;
        }
        while (Interlocked.CompareExchange(ref _value, updated, current) != current);
    }
}
