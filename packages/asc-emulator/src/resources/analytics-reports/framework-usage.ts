/**
 * The FRAMEWORK_USAGE reports: the titles of the "Framework Usage" topic of Apple's Analytics
 * Reports collection page, in its order (the API's `name` attributes equal those titles in a
 * report-name enum dumped from the API in a public Python client).
 *
 * Columns: each report's page (https://developer.apple.com/documentation/analytics-reports/<page>,
 * read through the public markdown mirror Averyy/apple-dev-docs, file
 * documentation/analytics-reports/<page>.md, where <page> is the title in lower case with its words
 * joined by "-", e.g. arkit-arsession-duration.md). Every page read has the same eight fields
 * first — Count, Territory, Date, Platform, Device, Build, Unique Devices, Release Type — then
 * the report's own; "Availability: Daily: Every day" only; "Completeness: data … can arrive as late
 * as 8 days after the date"; "Individual rows will only appear if they have a value of 5 or more".
 * No App Name or App Apple Identifier column (App Runtime Usage has App Name among its own).
 * VERIFIED below holds the 28 reports whose page was read, with each own field's data type and
 * the values its glossary documents. The other 61 titles have pages in the same mirror folder too
 * (e.g. bluetooth-le-scans.md, safari-extensions-usage.md) but were NOT read yet (time): they keep
 * the emulator's GENERIC stand-in columns (report-columns.ts), not Apple's.
 */
import type { Field } from './field.js';

// prettier-ignore
export const FRAMEWORK_USAGE_TITLES = [
  'AccessorySetupKit Accessory Picker Sessions', 'AccessorySetupKit Usage', 'AirPlay Discovery Sessions',
  'Animoji Stickers Sent', 'App Added to Focus', 'App Disk Space Usage', 'App Runtime Usage', 'App Sessions Context',
  'Application Preferred Language Settings', 'ARKit ARSession Duration', 'ARKit ARSession Failures',
  'ARKit Capture Frame Rate Throttling', 'ARKit Collaborative Session Features', 'ARKit Face Tracking',
  'ARKit Video Formats', 'ARKit World Tracking', 'ARKit World Tracking Image Detection', 'Audio Input Muting',
  'Audio Input Route and Duration and Call Mode', 'Audio Session Audio Unit Usage', 'Audio Volume Levels and Duration',
  'Automatic Speech Recognition Usage', 'Bluetooth LE Advertising', 'Bluetooth LE Connection Results',
  'Bluetooth LE Connections Per App', 'Bluetooth LE Disconnection Results', 'Bluetooth LE Scans', 'Bluetooth LE Sessions',
  'Browser Choice Screen Engagement (iOS versions before 18.2)', 'Call Services and Call Performance', 'CarPlay Navigation',
  'Collaboration Message Usage', 'Core Location Authorization Results', 'Core Location Geofencing',
  'CRABS-Based Video Playback Usage', 'Custom Language Model Builds Started', 'Customized Transcription Requests',
  'DockKit App Usage', 'Dynamic Island Layout Changes', 'File-Based Video Playback Usage', 'Flashlight Usage',
  'Game Controller Haptics Engine Creation', 'Game Controller Sessions', 'Haptics Engine Usage',
  'Home Screen Widget Installs', 'Home Screen Widget Rotations', 'Home Screen Widget Usage', 'Home Screen Widgets',
  'HTTP Live Streaming Playback Count', 'HTTP Live Streaming Video Playback Usage', 'Keyboard Dictation Usage',
  'Live Activity Use', 'Load CoreML Models Metrics', 'Local Network Privacy', 'Location Sessions',
  'Lock Screen Widget Configuration', 'Metal Command Queues', 'Mode Activity Notifications',
  'Multiple Game Controllers Usage', 'Notification Summary Engagement', 'Photogrammetry ObjectCaptureSession API Usage',
  'PhotogrammetrySession API Usage', 'PhotoKit Imports', 'Photos Library Access', 'Photos Picker', 'Photos Sharing',
  'Reminders Usage', 'RoomPlan Usage', 'Safari Extensions Enablement', 'Safari Extensions Usage',
  'Shared With You Content Engagement', 'SharePlay Usage by Activity Type', 'ShazamKit Usage', 'Spatial Audio Usage',
  'Speech Framework Transcription Request Audio Duration', 'Speech Framework Transcription Requests', 'Text-Input Actions',
  'Translation Request Usage', 'Verify With Wallet Document Request Availability', 'Verify with Wallet Document Requests',
  'Video Duration Information', 'Video PiP Duration', 'VisionKit Data Detectors', 'VisionKit Image Analysis',
  'VisionKit Live Text Usage', 'VisionKit Sessions', 'Browser Choice Screen Selection', 'Default Browser Usage Rate',
  'Wi-Fi Known Network Modifications',
];

/** The eight fields every Framework Usage page read starts with, in the pages' order. */
export const FRAMEWORK_BASE = [
  'Count',
  'Territory',
  'Date',
  'Platform',
  'Device',
  'Build',
  'Unique Devices',
  'Release Type',
] as const;
export const FRAMEWORK_BASE_FIELDS: Readonly<Record<string, Field>> = {
  Count: 'count',
  'Unique Devices': 'count',
  'Release Type': 'text',
};

/** Histogram buckets "0".."n-1" (the pages' glossaries: "Represents range from … to …"). */
const buckets = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i));

/** Each read report's own fields after the eight, in the page's order. */
export const VERIFIED: Readonly<Record<string, Readonly<Record<string, Field>>>> = {
  'AccessorySetupKit Accessory Picker Sessions': {},
  'AccessorySetupKit Usage': {},
  'AirPlay Discovery Sessions': { Level: 'text' },
  'Animoji Stickers Sent': {},
  'App Added to Focus': {},
  'App Disk Space Usage': { 'Data Size': 'bytes', 'Binary Size': 'bytes' },
  'App Runtime Usage': {
    'App Version': 'text',
    'App Name': 'text',
    Architecture: 'text',
    'Binary Code Directory Hash': 'text',
    'Binary Path': 'text',
    'Binary Team ID': 'text',
    'Binary UUID': 'text',
    'Dynamic Library Code Directory Hash': 'text',
    'Dynamic Library Path': 'text',
    'Dynamic Library Team ID': 'text',
    'Dynamic Library UUID': 'text',
    'Symbol Name': 'text',
    'Symbol Offset': 'text',
    'Symbol Count': 'count',
    'Dynamic Library Version': 'text',
    'Binary Version': 'text',
    'Caller Path': 'text',
    'Caller Symbol Name': 'text',
  },
  'App Sessions Context': { Duration: 'seconds', 'Short Version': 'text', 'App Version': 'text' },
  'Application Preferred Language Settings': {
    Language: ['en', 'en_GB', 'ar', 'ja', 'es-419', 'zh-Hans', 'ru', 'fr', 'de', 'uk'],
  },
  'ARKit ARSession Duration': { 'Session Duration': buckets(20) },
  'ARKit ARSession Failures': {
    'ARKit Error Code': 'code',
    'Underlying Error Code': 'code',
    'Time Until Session Failure': buckets(6),
  },
  'ARKit Capture Frame Rate Throttling': { 'Time Until Frame Rate Throttling': buckets(12) },
  'ARKit Collaborative Session Features': {
    'Collaborative Session Enabled': 'boolean',
    'Maximum Number of Participants': buckets(12),
  },
  'ARKit Face Tracking': {},
  'ARKit Video Formats': {
    'Capture Device Position': ['Front', 'Back', 'Unknown'],
    'AR Configuration Class': [
      'ARWorldTrackingConfiguration',
      'ARFaceTrackingConfiguration',
      'ARGeoTrackingConfiguration',
      'ARPositionalTrackingConfiguration',
      'ARImageTrackingConfiguration',
      'ARBodyTrackingConfiguration',
    ],
    'Frame Rate': 'code',
    'Frame Resolution': ['1280x720', '1440x1080', '1920x1440', '3840x2160', '640x480'],
    'Format Binning': 'boolean',
    'Video HDR Support': 'boolean',
    'High-Resolution Frames Captured': buckets(10),
  },
  'ARKit World Tracking': {
    'Automatic Image Scale Estimation': 'boolean',
    'Collaborative Session': 'boolean',
    'HDR Environment Texturing': 'boolean',
    'Environment Texturing Mode': 'code',
    'AR Frame Semantics': 'code',
    'Number Of Tracked Images': 'code',
    'Plane Detection Mode': 'code',
    'Scene Reconstruction Mode': 'code',
    'User Face Tracking': 'boolean',
    'App Clip Code Tracking': 'boolean',
  },
  'ARKit World Tracking Image Detection': { 'Number of Detection Images': buckets(14) },
  'Audio Input Muting': { Action: ['mute', 'unmute', 'reject'] },
  'Core Location Authorization Results': {
    'Granted Authorization Status': ['0', '2', '3', '4'],
    'Granted Accuracy Authorization': ['0', '1', '2'],
  },
  'Home Screen Widget Installs': {},
  'Home Screen Widget Usage': {},
  'Keyboard Dictation Usage': { Event: ['Start', 'Stop', 'Session Ended'] },
  'Live Activity Use': { Duration: 'seconds' },
  'Local Network Privacy': { Allowed: 'boolean' },
  'Location Sessions': {
    'Pauses Location Updates Automatically': 'boolean',
    Duration: 'measure',
    'Desired Accuracy': buckets(51),
    'Delivered Locations': 'count',
    'Session Count': 'count',
    'Achieved Accuracy': buckets(51),
  },
  'Notification Summary Engagement': {},
  'Photos Library Access': {},
  'Photos Picker': {
    'Did Select Items': 'boolean',
    'Is Limited Library Picker': 'boolean',
    'Is Single Selection': 'boolean',
    // six of the glossary's sixteen values
    'Accessory Visibility': ['none', 'top', 'leading', 'top + leading', 'bottom', 'trailing'],
    Style: ['default', 'compact'],
    'Encoding Policy': ['automatic', 'current', 'compatible'],
    'Selection Behavior': ['default', 'ordered', 'continuous', 'continuous and ordered'],
    'Has Photo Library Access': 'boolean',
  },
};
