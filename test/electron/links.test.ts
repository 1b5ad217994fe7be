// Which links in a card may reach the system browser through shell.openExternal.
import { describe, expect, it } from 'vitest';
import { externalLink } from '../../electron/shell/policy.ts';

describe('links in cards', () => {
  it('http and https addresses with a host go to the browser, normalized', () => {
    expect(externalLink('https://go.dev/ref/mem')).toBe('https://go.dev/ref/mem');
    expect(externalLink('http://example.com')).toBe('http://example.com/');
    expect(externalLink('HTTPS://Go.Dev/doc/effective_go#concurrency')).toBe('https://go.dev/doc/effective_go#concurrency');
    expect(externalLink('https://pkg.go.dev/sync?tab=doc')).toBe('https://pkg.go.dev/sync?tab=doc');
    // Public addresses are fine, including ones that only look near the private ranges.
    expect(externalLink('http://172.32.0.1/')).toBe('http://172.32.0.1/');
    expect(externalLink('http://8.8.8.8/')).toBe('http://8.8.8.8/');
  });

  it('every other scheme, a disguised host, this machine or the local network, or a malformed address is ignored', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://trainer/index.html',
      'data:text/html,<script>alert(1)</script>',
      'mailto:someone@example.com',
      'ms-settings:privacy',
      'vscode://file/etc/passwd',
      'smb://server/share',
      'ftp://example.com/file',
      'https://go.dev@evil.example/',
      'https://user:secret@example.com/',
      'http://',
      'https:example',
      'http://localhost:3000/api/answer',
      'http://127.0.0.1:8080/',
      'http://[::1]/',
      'http://router/admin',
      'http://192.168.1.1/admin',
      'http://10.0.0.8:8080/',
      'http://172.20.3.4/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://[fd00::1]/',
      'http://app.localhost/',
      'not a url',
      'https://exa mple.com/',
      'https://example.com/\nSet-Cookie: x',
      `https://example.com/${'a'.repeat(2100)}`,
      '',
    ]) {
      expect(externalLink(url), url).toBeNull();
    }
  });
});
