import { Link } from '../router.js';

const NAV = [
  { to: '/', label: 'Home', match: (p: string) => p === '/' },
  { to: '/programs', label: 'Programs', match: (p: string) => p.startsWith('/programs') },
  { to: '/countries', label: 'Countries', match: (p: string) => p.startsWith('/countries') },
];

export function Header({ path }: { path: string }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand" data-testid="brand">
          <span className="brand__mark" aria-hidden="true">
            ◐
          </span>
          Orbitshare
        </Link>
        <nav aria-label="Main" className="site-nav">
          {NAV.map((item) => (
            <Link
              key={item.to}
              to={item.to}
              data-testid={`nav-${item.label.toLowerCase()}`}
              aria-current={item.match(path) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          ))}
          <a href="/api/docs" data-testid="nav-api-docs">
            API docs
          </a>
        </nav>
      </div>
    </header>
  );
}
