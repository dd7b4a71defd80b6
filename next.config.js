// Next.js configuration: no dev badge over React Flow's controls, no telemetry header.
/** @type {import('next').NextConfig} */
const nextConfig = {
  devIndicators: false,
  reactStrictMode: true,
  poweredByHeader: false,
  // A separate build folder per worker when several build side by side (TW_DIST_DIR); `.next` otherwise.
  distDir: process.env.TW_DIST_DIR || '.next',
};

export default nextConfig;
