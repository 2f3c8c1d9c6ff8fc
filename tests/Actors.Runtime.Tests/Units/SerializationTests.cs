using System.Buffers;
using System.Collections.Immutable;
using Actors.Runtime.Serialization;
using Actors.Runtime.Tests.Grains;
using Actors.Transport.Serialization;

namespace Actors.Runtime.Tests.Units;

public sealed class SerializationTests
{
    private readonly JsonSerializerAdapter _serializer = new(new SerializationOptions(), new GrainReferenceJsonConverterFactory(static () => throw new InvalidOperationException("No runtime here.")));

    [Theory]
    [InlineData(typeof(int), true)]
    [InlineData(typeof(string), true)]
    [InlineData(typeof(Guid), true)]
    [InlineData(typeof(DayOfWeek), true)]
    [InlineData(typeof(ImmutableBag), true)]
    [InlineData(typeof(ImmutableArray<string>), true)]
    [InlineData(typeof(ConcurrencyStats), true)]
    [InlineData(typeof(List<int>), false)]
    [InlineData(typeof(int[]), false)]
    [InlineData(typeof(ProfileState), false)]
    [InlineData(typeof(ImmutableArray<ProfileState>), false)]
    [InlineData(typeof(object), false)]
    [InlineData(typeof(MutableRecord), false)]
    public void ImmutableTypes_ClassifiesByTheirMembers(Type type, bool immutable) => Assert.Equal(immutable, ImmutableTypes.IsImmutable(type));

    [Fact]
    public void DeepCopier_CopiesMutableGraphs_AndSharesImmutableOnes()
    {
        var copier = new DeepCopier(_serializer);
        var state = new ProfileState { Name = "n", Visits = 3 };
        var bag = new ImmutableBag("b", [1]);

        var copy = copier.Copy(state);

        Assert.NotSame(state, copy);
        Assert.Equal(("n", 3), (copy.Name, copy.Visits));
        Assert.Same(bag, copier.Copy(bag));
        Assert.Same(bag, copier.Copy<object>(bag));
    }

    [Fact]
    public void DeepCopier_CopiesCompilerGeneratedCollectionsAsTheirDeclaredType()
    {
        IReadOnlyList<string> items = ["a", "b"];

        var copy = new DeepCopier(_serializer).Copy(items);

        Assert.Equal(items, copy);
        Assert.NotSame(items, copy);
    }

    [Fact]
    public void FieldWriterAndReader_RoundTripASequence()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = _serializer.CreateFieldWriter(buffer);
        writer.Write(42);
        writer.Write("text");
        writer.Write(new ImmutableBag("b", [1, 2]));
        writer.Write<string?>(null);

        var reader = _serializer.CreateFieldReader(buffer.WrittenMemory);

        Assert.Equal(42, reader.Read<int>());
        Assert.Equal("text", reader.Read<string>());
        Assert.Equal([1, 2], reader.Read<ImmutableBag>().Items);
        Assert.Null(reader.Read<string?>());
        Assert.Throws<InvalidDataException>(() => reader.Read<int>());
    }

    [Fact]
    public void RegisteredContext_IsConsultedBeforeReflection()
    {
        var options = new SerializationOptions();
        options.TypeInfoResolvers.Add(SerializationTestsJsonContext.Default);
        var serializer = new JsonSerializerAdapter(options, new GrainReferenceJsonConverterFactory(static () => throw new InvalidOperationException("No runtime here.")));

        Assert.Same(SerializationTestsJsonContext.Default, serializer.Options.GetTypeInfo(typeof(ImmutableBag)).OriginatingResolver);
        Assert.IsType<System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver>(serializer.Options.GetTypeInfo(typeof(ProfileState)).OriginatingResolver);
    }

    public sealed record MutableRecord(string Name)
    {
        public List<int> Items { get; init; } = [];
    }
}
