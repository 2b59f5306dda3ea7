import nock from "nock";

// Tests never reach the internet; local replay/stand-in servers on loopback are allowed.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
