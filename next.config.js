// Next.js configuration: no dev badge over React Flow's controls, no telemetry header, and the security headers
// every response carries (the Content-Security-Policy is set per page by proxy.ts, from the built page's scripts).
/** @type {import('next').NextConfig} */
const nextConfig = {
  devIndicators: false,
  reactStrictMode: true,
  poweredByHeader: false,
  // Source maps for the browser's scripts when TW_SOURCEMAPS=1: to see which modules the first load is made of.
  productionBrowserSourceMaps: process.env.TW_SOURCEMAPS === '1',
  // A separate build folder per worker when several build side by side (TW_DIST_DIR); `.next` otherwise.
  distDir: process.env.TW_DIST_DIR || '.next',
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // A share link carries the plan in its fragment: no request the page makes passes the address on.
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
};

export default nextConfig;
