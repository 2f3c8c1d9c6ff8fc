namespace Actors.Runtime.Diagnostics;

/// <summary>
/// Stable log event ids of the runtime, a range per area, so logs can be filtered and alerted on by id.
/// 1000 activations, 1100 scheduling, 1200 messaging, 1300 reminders, 1400 storage, 1500 hosting,
/// 1600 membership, 1700 directory and placement, 1800 networking, 1900 PostgreSQL providers.
/// </summary>
internal static class RuntimeEventIds
{
    public const int Activated = 1000;
    public const int ActivationFailed = 1001;
    public const int Deactivated = 1002;
    public const int DeactivationFailed = 1003;
    public const int IdleActivationsCollected = 1004;
    public const int DeactivateAllTimedOut = 1005;

    public const int WorkItemFailed = 1100;
    public const int TimerCallbackFailed = 1101;

    public const int MessageRefused = 1200;
    public const int ExpiredRequestDropped = 1201;
    public const int OneWayRequestFailed = 1202;
    public const int MessageUndeliverable = 1203;

    public const int ReminderRegistered = 1300;
    public const int ReminderUnregistered = 1301;
    public const int ReminderTickFailed = 1302;
    public const int RemindersLoaded = 1303;
    public const int ReminderRefreshFailed = 1304;
    public const int ReminderTick = 1305;

    public const int SiloStarting = 1500;
    public const int SiloStarted = 1501;
    public const int SiloStopping = 1502;
    public const int SiloStopped = 1503;
    public const int LifecycleStageFailed = 1504;
    public const int InMemoryProviders = 1505;

    public const int MembershipViewChanged = 1600;
    public const int MembershipListenerFailed = 1601;
    public const int SiloFatalError = 1602;
    public const int Joining = 1603;
    public const int Joined = 1604;
    public const int StatusChanged = 1605;
    public const int SuspectedSilo = 1606;
    public const int DeclaredDead = 1607;
    public const int TableOperationFailed = 1608;
    public const int ProbeMissed = 1609;
    public const int SupersededGeneration = 1610;
    public const int StaleHeartbeat = 1611;
    public const int DefunctRowsCleaned = 1612;
    public const int UnreachableAtJoin = 1613;
    public const int ProbeFailed = 1614;
    public const int IndirectProbeSucceeded = 1615;

    public const int DirectoryPurged = 1700;
    public const int DirectoryPurgeFailed = 1701;
    public const int DuplicateActivation = 1702;
    public const int UnregisterFailed = 1703;
    public const int MessageForwarded = 1704;
    public const int SiloConnectionEstablished = 1705;
    public const int SiloConnectionLost = 1706;
    public const int CallsFailedOnDeadSilo = 1707;
    public const int RemoteMessageMalformed = 1708;
    public const int GatewayClientConnected = 1709;
    public const int GatewayClientDisconnected = 1710;
    public const int GatewayStarted = 1711;
    public const int GatewayDraining = 1712;
    public const int GatewayDrainIncomplete = 1713;
    public const int GatewayMessageMalformed = 1714;
}
