using Microsoft.Extensions.Options;

namespace Actors.Runtime.Messaging;

/// <summary>Validates <see cref="MessagingOptions"/> (rules generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class MessagingOptionsValidator : IValidateOptions<MessagingOptions>;
