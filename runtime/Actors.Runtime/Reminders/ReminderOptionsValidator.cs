using Microsoft.Extensions.Options;

namespace Actors.Runtime.Reminders;

/// <summary>Validates <see cref="ReminderOptions"/> (rules generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class ReminderOptionsValidator : IValidateOptions<ReminderOptions>;
