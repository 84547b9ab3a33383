/** The tool's own URLs, as an LMS admin pastes them (all under PUBLIC_URL/lti). */
export class ToolUrls {
  readonly base: string;

  constructor(publicUrl: string) {
    this.base = `${publicUrl.replace(/\/$/, '')}/lti`;
  }

  get login(): string { return `${this.base}/login`; }
  /** Target link URI and redirect URI of every launch. */
  get launch(): string { return `${this.base}/launch`; }
  get keys(): string { return `${this.base}/keys`; }
  get register(): string { return `${this.base}/register`; }
  get canvasConfiguration(): string { return `${this.base}/canvas.json`; }
  get admin(): string { return `${this.base}/admin`; }
  get origin(): string { return new URL(this.base).origin; }

  /** Where actions of the course-page sessions post (book, cancel, attendance…). */
  action(name: string): string {
    return `${this.base}/app/${name}`;
  }

  /** True when `url` is one of ours: a target_link_uri outside the tool is an open-redirect attempt. */
  owns(url: string | undefined): boolean {
    if (!url) return false;
    try {
      const u = new URL(url);
      return u.origin === this.origin && (u.pathname === '/lti' || u.pathname.startsWith('/lti/'));
    } catch {
      return false;
    }
  }
}
