using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Fhir;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Tests.Unit.Fhir;

/// <summary>Each kind of event becomes an AuditEvent in the BALP shape that a strict R4 reader accepts.</summary>
public sealed class AuditEventMapperTests
{
    private static AuditEvent Map(JsonObject gatewayEvent) => Stored(new StreamEntry("1-1", StreamEvents.Entry(gatewayEvent)));

    /// <summary>Through the stored JSON, read back by Firely in strict mode: what a staff client gets.</summary>
    private static AuditEvent Stored(StreamEntry entry)
    {
        var parsed = StreamEntryParser.Parse(entry);
        Assert.Null(parsed.Error);
        var row = AuditEventMapper.ToRow(parsed.Event!);
        var audit = StrictFhir.Parse<AuditEvent>(row.Json);
        Assert.Equal(row.Id, audit.Id);
        // sev-1: an entity has a name or a query, never both.
        Assert.All(audit.Entity, e => Assert.False(e.Name is not null && e.Query is not null));
        return audit;
    }

    private static string? Detail(AuditEvent audit, string name) =>
        audit.Entity.SelectMany(e => e.Detail).FirstOrDefault(d => d.Type == name)?.Value is FhirString s ? s.Value : null;

    [Fact]
    public void ToRow_AllowedRead_RestReadSuccessWithAppPatientAndSource()
    {
        var e = StreamEvents.Gateway(method: "GET", route: "/r4/{type}/{id}", resourceType: "Patient");
        var audit = Map(e);

        Assert.Equal(("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest"), (audit.Type.System, audit.Type.Code));
        Assert.Equal(("http://hl7.org/fhir/restful-interaction", "read"), (audit.Subtype[0].System, audit.Subtype[0].Code));
        Assert.Equal(AuditEvent.AuditEventAction.R, audit.Action);
        Assert.Equal(AuditEvent.AuditEventOutcome.N0, audit.Outcome);
        Assert.Equal(DateTimeOffset.Parse((string)e["time"]!, System.Globalization.CultureInfo.InvariantCulture), audit.Recorded);
        var app = audit.Agent.Single(a => a.Requestor == true);
        Assert.Equal(("urn:patientaccess:client-id", "app-1"), (app.Who!.Identifier!.System, app.Who.Identifier.Value));
        Assert.Equal("8.8.8.8", app.Network!.Address);
        var member = audit.Agent.Single(a => a.Requestor == false);
        Assert.Equal("Patient/pat-1", member.Who!.Reference);
        Assert.Equal("member-1", member.Who.Identifier!.Value);
        Assert.Equal("gateway@test:5000", audit.Source!.Observer!.Display);
        Assert.Contains(audit.Entity, x => x.What?.Reference == "Patient/pat-1" && x.Role?.Code == "1");
        Assert.Equal("US", Detail(audit, "client-country"));
        Assert.Equal("jti-1", Detail(audit, "token-id"));
    }

    [Fact]
    public void ToRow_Search_SearchTypeWithTheQueryShapeAsEntity()
    {
        var audit = Map(StreamEvents.Gateway(route: "/r4/{type}", resourceType: "ExplanationOfBenefit", queryShape: "_count,patient"));

        Assert.Equal("search-type", audit.Subtype[0].Code);
        var query = audit.Entity.Single(x => x.Query is not null);
        Assert.Equal("ExplanationOfBenefit?_count&patient", Encoding.UTF8.GetString(query.Query!));
        Assert.Equal("24", query.Role!.Code);
    }

    [Theory]
    [InlineData("POST", "/r4/{type}", "create", AuditEvent.AuditEventAction.C)]
    [InlineData("PUT", "/r4/{type}/{id}", "update", AuditEvent.AuditEventAction.U)]
    [InlineData("PATCH", "/r4/{type}/{id}", "patch", AuditEvent.AuditEventAction.U)]
    [InlineData("DELETE", "/r4/{type}/{id}", "delete", AuditEvent.AuditEventAction.D)]
    [InlineData("GET", "/r4/{type}/{id}/_history/{vid}", "vread", AuditEvent.AuditEventAction.R)]
    [InlineData("GET", "/r4/{type}/{id}/_history", "history-instance", AuditEvent.AuditEventAction.R)]
    [InlineData("GET", "/r4/metadata", "capabilities", AuditEvent.AuditEventAction.R)]
    [InlineData("POST", "/r4/{type}/_search", "search-type", AuditEvent.AuditEventAction.R)]
    public void ToRow_WriteAttemptRefused_SubtypeIsWhatTheAppTriedAndOutcomeTheReason(string method, string route, string subtype, AuditEvent.AuditEventAction action)
    {
        var audit = Map(StreamEvents.Gateway(method: method, route: route, resourceType: route == "/r4/metadata" ? null : "Patient", status: 405, decision: "refuse", reason: "method"));

        Assert.Equal(subtype, audit.Subtype[0].Code);
        Assert.Equal(action, audit.Action);
        Assert.Equal(AuditEvent.AuditEventOutcome.N4, audit.Outcome);
        Assert.Equal("refused: method (HTTP 405)", audit.OutcomeDesc);
    }

    [Fact]
    public void ToRow_OptionsRequest_HttpMethodAsSubtype()
    {
        var audit = Map(StreamEvents.Gateway(method: "TRACE", route: "/r4/{type}", status: 405, decision: "refuse", reason: "method"));

        Assert.Equal(("urn:patientaccess:http-method", "TRACE"), (audit.Subtype[0].System, audit.Subtype[0].Code));
    }

    [Fact]
    public void ToRow_GeoRefusalWithoutValidToken_AttributedToTheAddressOnly()
    {
        var audit = Map(StreamEvents.Gateway(status: 403, decision: "refuse", reason: "geo", clientId: null, member: null, patient: null, tokenId: null,
            address: "193.0.6.139", country: "NL"));

        var app = audit.Agent.Single();
        Assert.True(app.Requestor);
        Assert.Null(app.Who!.Identifier);
        Assert.Equal("193.0.6.139", app.Network!.Address);
        Assert.Equal("NL", Detail(audit, "client-country"));
        Assert.Equal("refused: geo (HTTP 403)", audit.OutcomeDesc);
    }

    [Fact]
    public void ToRow_UpstreamFailure_SeriousFailure()
    {
        var audit = Map(StreamEvents.Gateway(status: 502, decision: "refuse", reason: "upstream"));

        Assert.Equal(AuditEvent.AuditEventOutcome.N8, audit.Outcome);
    }

    [Theory]
    [InlineData("grant.approved", "110114", AuditEvent.AuditEventOutcome.N0)]
    [InlineData("token.issued", "110114", AuditEvent.AuditEventOutcome.N0)]
    [InlineData("grant.denied", "110114", AuditEvent.AuditEventOutcome.N4)]
    [InlineData("code.reused", "110113", AuditEvent.AuditEventOutcome.N4)]
    [InlineData("refresh_token.reused", "110113", AuditEvent.AuditEventOutcome.N4)]
    [InlineData("client.authentication_failed", "110114", AuditEvent.AuditEventOutcome.N4)]
    public void ToRow_AuthServerEvent_AuthenticationOrAlertWithTheEventTypeAsSubtype(string type, string code, AuditEvent.AuditEventOutcome outcome)
    {
        var audit = Stored(new StreamEntry("1733500000000-3", StreamEvents.AuthServer(type, clientId: "app-9", detail: "a detail")));

        Assert.Equal("authserver-1733500000000-3", audit.Id);
        Assert.Equal(("http://dicom.nema.org/resources/ontology/DCM", code), (audit.Type.System, audit.Type.Code));
        Assert.Equal(("urn:patientaccess:authserver-event", type), (audit.Subtype[0].System, audit.Subtype[0].Code));
        Assert.Equal(outcome, audit.Outcome);
        Assert.Equal($"{type}: a detail", audit.OutcomeDesc);
        Assert.Equal("app-9", audit.Agent.Single(a => a.Requestor == true).Who!.Identifier!.Value);
        Assert.Equal("acct-1", audit.Agent.Single(a => a.Requestor == false).Who!.Identifier!.Value);
        Assert.Equal("grant-1", audit.Entity.Single().What!.Identifier!.Value);
    }
}
