// Next.js configuration: no dev badge over React Flow's controls, no telemetry header.
/** @type {import('next').NextConfig} */
const nextConfig = {
  devIndicators: false,
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
