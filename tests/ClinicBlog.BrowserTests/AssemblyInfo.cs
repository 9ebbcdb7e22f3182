// One browser test class at a time: each starts its own Kestrel server and Chromium, and on a
// two-core CI machine running them side by side (next to the integration tests) only adds timeouts.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
