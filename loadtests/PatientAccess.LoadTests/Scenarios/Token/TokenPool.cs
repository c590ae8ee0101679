using System.Collections.Concurrent;

namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>
/// Prepared codes or tokens handed to scenario instances, oldest first (codes expire, so the
/// oldest must go first). Thread-safe; an instance that finds it empty fails rather than waits.
/// </summary>
internal sealed class TokenPool<T>
{
    private readonly ConcurrentQueue<T> _items;

    public TokenPool(IEnumerable<T> items) => _items = new ConcurrentQueue<T>(items);

    public int Count => _items.Count;

    public bool TryTake(out T item) => _items.TryDequeue(out item!);

    public void Add(T item) => _items.Enqueue(item);
}
