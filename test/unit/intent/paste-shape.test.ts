import { plusPieces, portMissingFromListing } from '../../../src/intent/paste-shape.js';

describe('portMissingFromListing', () => {
  it('is true when a listing grepped for a port shows other ports only', () => {
    const lines = ["ss -tlnp | grep -E '80|8000'", 'LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:(("nginx",pid=1,fd=6))'];
    expect(portMissingFromListing(lines)).toBe(true);
    const netstat = ["netstat -tlnp | grep -E '8000|80'", 'tcp 0 0 0.0.0.0:80 0.0.0.0:* LISTEN 990/nginx: master'];
    expect(portMissingFromListing(netstat)).toBe(true);
  });

  it('is false when every grepped port is shown, or nothing was printed, or nothing was grepped', () => {
    const shown = ['ss -lntp | grep 8000', 'LISTEN 0 2048 127.0.0.1:8000 0.0.0.0:* users:(("gunicorn",pid=3,fd=5))'];
    expect(portMissingFromListing(shown)).toBe(false);
    expect(portMissingFromListing(['ss -lntp | grep 8000', '$ systemctl is-active oms-backend', 'active'])).toBe(false);
    expect(portMissingFromListing(['ss -lntp | grep LISTEN', 'LISTEN 0 511 0.0.0.0:80 0.0.0.0:*'])).toBe(false);
    expect(portMissingFromListing(['端口 8000 和 80', 'LISTEN 0 511 0.0.0.0:80 0.0.0.0:*'])).toBe(false);
  });

  it('reads only the output up to the next prompt', () => {
    const lines = ['$ ss -lntp | grep 8000', '$ ss -lntp | grep 80', 'LISTEN 0 511 0.0.0.0:80 0.0.0.0:*'];
    expect(portMissingFromListing(lines)).toBe(false);
  });
});

describe('portMissingFromListing, a whole listing', () => {
  const listing = (...ports: number[]) => [
    '# ss -lntp',
    'State   Recv-Q  Send-Q   Local Address:Port   Peer Address:Port  Process',
    ...ports.map((p) => `LISTEN  0       128            0.0.0.0:${p}          0.0.0.0:*      users:(("x",pid=1,fd=3))`),
  ];

  it("says the backend does not listen when nginx's port is listed and 8000 is not", () => {
    expect(portMissingFromListing(listing(22, 80, 6379))).toBe(true);
  });

  it('says nothing when 8000 is listed, or when the listing is no OMS front (no 80/443)', () => {
    expect(portMissingFromListing(listing(22, 80, 8000))).toBe(false);
    expect(portMissingFromListing(listing(22, 3306))).toBe(false);
  });
});

describe('plusPieces', () => {
  it('splits a clause of three or more pieces joined by "+"', () => {
    expect(plusPieces('登录不了 + 接口404 + 日志里有sigterm,三个问题一起出来的')).toEqual([
      ['登录不了', '接口404', '日志里有sigterm'],
    ]);
  });

  it('ignores two pieces and a "+" inside a word', () => {
    expect(plusPieces('nginx + gunicorn 都正常')).toEqual([]);
    expect(plusPieces('c++ 编译报错')).toEqual([]);
  });
});
