using System.Text.Json.Serialization;

namespace PatientAccess.Gateway.Audit;

[JsonSerializable(typeof(AuditEvent))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
internal sealed partial class AuditJson : JsonSerializerContext;
