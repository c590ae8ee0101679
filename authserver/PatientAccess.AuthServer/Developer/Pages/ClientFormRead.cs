using PatientAccess.AuthServer.Developer.Clients;
using PatientAccess.AuthServer.Developer.Logos;

namespace PatientAccess.AuthServer.Developer.Pages;

/// <summary>A read app form: the answer to give instead (<see cref="Answer"/> set), or the checked input and logo.</summary>
internal sealed record ClientFormRead(IResult? Answer, ClientInput? Input = null, (byte[] Bytes, LogoCheck Check)? Logo = null, bool RemoveLogo = false);
