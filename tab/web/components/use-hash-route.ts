import { useEffect, useState } from 'react';

/** The page and its id from `#/meetings/abc` → `{ page: 'meetings', id: 'abc' }`. */
export interface Route {
  readonly page: string;
  readonly id?: string | undefined;
}

function parse(hash: string): Route {
  const [page = '', id] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return { page: page || 'home', id: id || undefined };
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function hrefOf(page: string, id?: string): string {
  return id ? `#/${page}/${encodeURIComponent(id)}` : `#/${page}`;
}
