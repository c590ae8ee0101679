namespace PatientAccess.Monitor.Reviews;

/// <summary>The flagged apps, newest first: the API and the page read the same list.</summary>
internal interface IReviewQueue
{
    /// <param name="openOnly">Only flags waiting for staff (<see cref="ReviewStates.Open"/>, <see cref="ReviewStates.Alert"/>, <see cref="ReviewStates.Failed"/>).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<IReadOnlyList<ReviewItem>> ListAsync(bool openOnly, CancellationToken cancellationToken);
}
