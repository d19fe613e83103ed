import { withoutGuess } from '../../../src/intent/hypothesis.js';

describe('withoutGuess', () => {
  it('drops a guess asked about after what was seen, keeping the question', () => {
    expect(withoutGuess('gunicorn 日志里 SIGTERM 是不是意味着服务挂了')).toBe('gunicorn 日志里 SIGTERM  ?');
    expect(withoutGuess('SIGTERM 说明服务挂了吗？还是正常的')).toBe('SIGTERM  ?？还是正常的');
    expect(withoutGuess('404 on /api/ — does that mean the backend is dead?')).toBe('404 on /api/ —  ??');
  });

  it('keeps a stated conclusion, a question about the meaning itself, and a guess with nothing before it', () => {
    expect(withoutGuess('日志说明服务已经停了')).toBe('日志说明服务已经停了');
    expect(withoutGuess('登录请求返回 400 说明什么，要怎么查')).toBe('登录请求返回 400 说明什么，要怎么查');
    expect(withoutGuess('是不是意味着服务挂了')).toBe('是不是意味着服务挂了');
    expect(withoutGuess('what does "worker was sent SIGTERM" mean')).toBe('what does "worker was sent SIGTERM" mean');
  });

  it('drops a cause guessed and asked about after what was seen ("…502，后端是不是挂了")', () => {
    expect(withoutGuess('8000 没人 listen，nginx 这边直接 502，后端是不是挂了')).toBe(
      '8000 没人 listen，nginx 这边直接 502， ?',
    );
    expect(withoutGuess('jiekou 502 le, houduan guale ma')).toBe('jiekou 502 le, ?');
    expect(withoutGuess('404 everywhere, is the backend down?')).toBe('404 everywhere, ?');
  });

  it('keeps the guess when nothing was seen before it, and a question whether it is normal', () => {
    expect(withoutGuess('后端是不是挂了？')).toBe('后端是不是挂了？');
    expect(withoutGuess('今天有点忙，后端是不是挂了')).toBe('今天有点忙，后端是不是挂了');
    expect(withoutGuess('日志里有 SIGTERM，是不是正常重启了')).toBe('日志里有 SIGTERM，是不是正常重启了');
  });
});
