// Each test class starts its own in-process silos; running them side by side on 2 cores only adds noise.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
