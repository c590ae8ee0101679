using StackExchange.Redis;

namespace PatientAccess.AuthServer.Audit;

/// <summary>One write to Redis, done off the request path by <see cref="RedisDispatcher"/>.</summary>
internal sealed record RedisWork(string Kind, Func<IDatabase, ISubscriber, Task> Action);
