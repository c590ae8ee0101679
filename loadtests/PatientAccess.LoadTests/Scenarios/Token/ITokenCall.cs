using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>One kind of measured POST to the token or introspection endpoint, with what it consumes and how its answer is judged.</summary>
internal interface ITokenCall
{
    string ScenarioName { get; }

    string StepName { get; }

    /// <summary>The endpoint the step posts to.</summary>
    Uri Endpoint { get; }

    /// <summary>The error kind of an instance that finds nothing left to send.</summary>
    string EmptyKind { get; }

    /// <summary>The request for this instance, or null when the prepared codes or tokens are used up.</summary>
    HttpRequestMessage? NextRequest(ScenarioContext context);

    /// <summary>Judges a complete answer; a refresh puts the rotated token back here.</summary>
    StepResult Judge(int status, byte[] body);
}
