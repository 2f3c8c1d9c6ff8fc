using Microsoft.Extensions.Options;

namespace Actors.Runtime.Membership;

/// <summary>Validates <see cref="ClusterMembershipOptions"/> (rules generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class ClusterMembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>;
