using System.Text.Json.Serialization;

namespace PatientAccess.MemberContext;

[JsonSerializable(typeof(Wire))]
internal sealed partial class WireJson : JsonSerializerContext;
