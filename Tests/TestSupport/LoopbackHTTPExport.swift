// The loopback server and the scripted SEC live in their own target so the benchmark can use them too;
// the tests see them through TestSupport as before.
@_exported import LoopbackHTTP
