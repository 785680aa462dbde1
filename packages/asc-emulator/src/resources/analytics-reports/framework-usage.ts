/**
 * The FRAMEWORK_USAGE reports: the titles of the "Framework Usage" topic of Apple's Analytics
 * Reports collection page, in its order (the API's `name` attributes equal those titles in a
 * report-name enum dumped from the API in a public Python client).
 *
 * Columns: each report's page (https://developer.apple.com/documentation/analytics-reports/<page>,
 * read through the public markdown mirror Averyy/apple-dev-docs, file
 * documentation/analytics-reports/<page>.md, where <page> is the title in lower case with its words
 * joined by "-", e.g. arkit-arsession-duration.md). 86 of the 89 pages start with the same eight fields
 * first — Count, Territory, Date, Platform, Device, Build, Unique Devices, Release Type — then
 * the report's own; "Availability: Daily: Every day" only; "Completeness: data … can arrive as late
 * as 8 days after the date"; "Individual rows will only appear if they have a value of 5 or more".
 * No App Name or App Apple Identifier column (App Runtime Usage has App Name among its own).
 * VERIFIED below holds the 86 reports of that shape, each with its own fields' data types and
 * the values their glossaries document (OWN_SHAPE, at the end, the 3 whose pages give another
 * shape): all 89 titles were read, none keeps the emulator's GENERIC stand-in.
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
  'Audio Input Route and Duration and Call Mode': {
    'Input Port': ['pmbi', 'pcom', 'plei', 'pmbt', 'pmwi', 'psti', 'ptti', 'pusi', 'unknown'],
    'Call Mode': ['0', '1', '2', '3', '4', '5', '6', '7', '8', 'Unknown'],
    Duration: buckets(13),
  },
  'Audio Session Audio Unit Usage': {},
  'Audio Volume Levels and Duration': { Duration: buckets(12), 'Volume Level': buckets(18) },
  'Automatic Speech Recognition Usage': { Event: ['Start', 'Finish', 'Compile', 'Preheat'] },
  'Bluetooth LE Advertising': {
    AppInForegroundAtStart: 'boolean',
    AppInForegroundAtStop: 'boolean',
    SupportsBackgrounding: 'boolean',
  },
  'Bluetooth LE Connection Results': { 'App State': 'code', Result: 'code' },
  'Bluetooth LE Connections Per App': {},
  'Bluetooth LE Disconnection Results': { 'App State': 'code', Result: 'code' },
  'Bluetooth LE Scans': {
    'Allowed In Background': 'boolean',
    'App In Foreground At Start': 'boolean',
    'App In Foreground At Stop': 'boolean',
    'Total time spent': buckets(33),
    'Time Spent In Background': buckets(33),
    'Time Spent In Foreground': buckets(33),
  },
  'Bluetooth LE Sessions': { 'Disconnect Reason': 'code' },
  'Call Services and Call Performance': {
    // six of the glossary's forty reasons; five of its nineteen spam categories
    'Call Termination Reason': [
      'NoReason',
      'RemoteHangup',
      'Declined',
      'AnsweredElsewhere',
      'CallFailed',
      'RemoteBusy',
    ],
    'Call Connected': 'boolean',
    'Call Ended': 'boolean',
    'Call Grouped': 'boolean',
    'Incoming Call': 'boolean',
    Relay: 'boolean',
    'Normal Call End': 'boolean',
    'Call Duration': buckets(21),
    Spam: ['none', 'spam', 'telemarketing', 'fraud', 'business'],
    'Spam Risk': ['High', 'Medium', 'Low'],
  },
  'CarPlay Navigation': { 'Session Count': 'count' },
  'Collaboration Message Usage': {},
  'Core Location Geofencing': { 'Event Type': ['-1', '0', '1'], 'Fence Radius': buckets(24) },
  'CRABS-Based Video Playback Usage': {
    'Indicated Bit Rate': 'bytes',
    'Interface Type': [
      'Unknown',
      'Loopback',
      'Wired',
      'WiFi (Infra)',
      'WiFi (AWDL)',
      'Cellular',
      'Intcoproc',
      'Companion Link',
      'Management',
    ],
    'Play Time Wall Clock': 'millis',
  },
  'Custom Language Model Builds Started': {},
  'Customized Transcription Requests': {},
  'DockKit App Usage': {},
  'Dynamic Island Layout Changes': {},
  'File-Based Video Playback Usage': {
    'Audio Only': 'boolean',
    'Play Time': 'millis',
    'Stall Count': 'code',
    'Average Bit Rate': 'bytes',
  },
  'Flashlight Usage': { State: 'boolean' },
  'Game Controller Haptics Engine Creation': {
    'Product Category': ['Xbox Wireless Controller', 'DualSense'],
    'Haptic Locality': ['right', 'left'],
  },
  'Game Controller Sessions': {
    'Controller Product Category': ['Xbox Wireless Controller'],
    'Total Duration of Sessions': 'seconds',
  },
  'Haptics Engine Usage': {},
  'Home Screen Widget Rotations': {},
  'Home Screen Widgets': {},
  'HTTP Live Streaming Playback Count': {},
  'HTTP Live Streaming Video Playback Usage': {
    'Audio Only': 'boolean',
    'Interface Type': [
      'Unknown',
      'Loopback',
      'Wired',
      'WiFi (Infra)',
      'WiFi (AWDL)',
      'Cellular',
      'Intcoproc',
      'Companion Link',
      'Management',
    ],
    'Play Time': 'millis',
  },
  'Load CoreML Models Metrics': {
    'Model Type': 'code',
    'Model Origin': 'code',
    'Model Load Error': 'code',
    'Model Name': ['model1'],
  },
  'Lock Screen Widget Configuration': {},
  'Metal Command Queues': {
    'Bundle Version': 'text',
    'Software Development Kit': 'text',
    'Command Queues In Flight': 'code',
  },
  'Mode Activity Notifications': { 'Resolution Type': ['Cleared', 'Tapped', 'Removed by developer'] },
  'Multiple Game Controllers Usage': {},
  'Photogrammetry ObjectCaptureSession API Usage': {},
  'PhotogrammetrySession API Usage': {},
  'PhotoKit Imports': {},
  'Photos Sharing': { 'Excludes Live Photo Vitality': 'boolean' },
  'Reminders Usage': {},
  'RoomPlan Usage': {
    'Room Capture Session Status': [
      'success',
      'exceedSceneSizeLimit',
      'worldTrackingFailure',
      'invalidARConfiguration',
      'deviceTooHot',
      'deviceNotSupported',
      'internalError',
    ],
  },
  'Safari Extensions Enablement': { Enabled: 'boolean' },
  'Safari Extensions Usage': { 'Invocation Method': ['button', 'scriptInjection'] },
  'Shared With You Content Engagement': {},
  'SharePlay Usage by Activity Type': {
    // six of the glossary's eleven activity types
    'Activity Type': ['listenTogether', 'watchTogether', 'workoutTogether', 'playTogether', 'generic', 'Unknown'],
  },
  'ShazamKit Usage': {},
  'Spatial Audio Usage': { 'Head Tracking': 'boolean', 'Spatial Audio': 'boolean', 'Up Mixing': 'boolean' },
  'Speech Framework Transcription Request Audio Duration': { 'Audio Duration': buckets(17) },
  'Speech Framework Transcription Requests': {},
  'Text-Input Actions': { 'Input Action Count': 'count' },
  'Translation Request Usage': { 'Request Type': 'text' },
  'Verify With Wallet Document Request Availability': {
    'Document Type': ['driversLicense'],
    'Is Developer Test ID': 'boolean',
    Outcome: ['success', 'missingDocument', 'missingEntitlement', 'notLoggedInWithPasscode'],
  },
  // The requested elements' values are retention periods (-1 indefinite, -2 none): small codes here.
  'Verify with Wallet Document Requests': {
    Address: 'code',
    Age: 'code',
    'Age At Least': 'code',
    'Age at Least Years': 'code',
    'Date of Birth': 'code',
    'Document Expiration Date': 'code',
    'Family Name': 'code',
    'Driving Privileges': 'code',
    'Document Type': ['drivers-license'],
    'Document Number': 'code',
    Portrait: 'code',
    Outcome: ['success', 'userCancelled', 'appCancelled', 'validationFailed', 'presentmentFailed'],
    'Is Developer Test ID': 'boolean',
    'Issuing Authority': 'code',
    'Given Name': 'code',
  },
  'Video Duration Information': { Duration: 'measure' },
  'Video PiP Duration': { 'Active Duration': 'measure' },
  'VisionKit Data Detectors': {
    'Event Type': ['Tap', 'LongPress', 'ContextClick', 'StandardClick'],
    // six of the glossary's twelve types
    Types: ['PhoneNumber', 'Address', 'CalendarEvent', 'FlightNumber', 'WebURL', 'Email'],
  },
  'VisionKit Image Analysis': {
    'Had Error': 'boolean',
    'Machine-Readable Codes Parse Duration': buckets(12),
    'Text Length': buckets(11),
    'Visual Lookup Count': buckets(12),
  },
  'VisionKit Live Text Usage': {
    'Event Type': ['SelectionChanged', 'Copy', 'SelectAll'],
    'Rich Pasteboard': 'boolean',
    'Selection Length': 'count',
    'Selection Word Count': 'count',
    'Total Text Length': 'count',
  },
  'VisionKit Sessions': {
    'Did Activate Highlight All': 'boolean',
    'Did Activate Regex Highlight': 'boolean',
    'Average Text Selection Length': 'code',
    'Number Of Data Detector Events': 'code',
    'Number Of Data Detector Elements': 'code',
    'Number Of Machine-Readable Codes': 'code',
    'Number Of Text Events': 'code',
    'Number Of Machine-Readable Code Events': 'code',
    'Number Of Visual Lookup Elements': 'code',
    'Number Of Visual Lookup Events': 'code',
    'Session Duration': 'measure',
    'Text Length': 'count',
  },
  'Wi-Fi Known Network Modifications': {
    Operation: ['WiFiKnownNetworkAdded', 'WiFiKnownNetworkRemoved', 'WiFiKnownNetworkUpdated'],
  },
};

/** The emulator's territories (analytics-reports/rows.ts) that are in the European Union. */
export const EU_TERRITORIES: readonly string[] = ['DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL'];

/**
 * Framework Usage reports whose page gives a shape of its own (not the eight fields above):
 * - browser-choice-screen-engagement.md: Date, App Name, App Apple Identifier, Event, Device,
 *   Platform Version, Territory, Counts, Unique Devices; daily, weekly, monthly; "Territories:
 *   European Union (EU) only" (the emulator's rows: its EU territories only); completeness in no
 *   number of days (the emulator's two);
 * - browser-choice-screen-selection.md (EU only too) and default-browser-usage-rate.md: no Count
 *   or Unique Devices, rates (floats, percentages) instead; daily, up to 8 days late. The usage
 *   rate page says "Territories: Worldwide" (read 2026-12-06), so only the two browser-choice
 *   reports are limited to the EU.
 */
export const OWN_SHAPE: Readonly<
  Record<
    string,
    {
      columns: readonly string[];
      fields: Readonly<Record<string, Field>>;
      daily: boolean;
      completenessDays: number;
      territories?: readonly string[];
    }
  >
> = {
  'Browser Choice Screen Engagement (iOS versions before 18.2)': {
    columns: [
      'Date',
      'App Name',
      'App Apple Identifier',
      'Event',
      'Device',
      'Platform Version',
      'Territory',
      'Counts',
      'Unique Devices',
    ],
    fields: {
      Event: ['Page view', 'First-time download', 'Redownload', 'Open', 'Update'],
      Counts: 'count',
      'Unique Devices': 'count',
    },
    daily: false,
    completenessDays: 2,
    territories: EU_TERRITORIES,
  },
  'Browser Choice Screen Selection': {
    columns: [
      'Territory',
      'Date',
      'Platform',
      'Device',
      'Build',
      'Release Type',
      'Selection Rate',
      'New Install Rate',
      'Existing Install Rate',
      'Product Page Conversion Rate',
      'Informed Selection Rate',
      'Direct Selection Rate',
    ],
    fields: {
      'Release Type': 'text',
      'Selection Rate': 'measure',
      'New Install Rate': 'measure',
      'Existing Install Rate': 'measure',
      'Product Page Conversion Rate': 'measure',
      'Informed Selection Rate': 'measure',
      'Direct Selection Rate': 'measure',
    },
    daily: true,
    completenessDays: 8,
    territories: EU_TERRITORIES,
  },
  'Default Browser Usage Rate': {
    columns: ['Territory', 'Date', 'Platform', 'Device', 'Build', 'Release Type', 'Selection Rate'],
    fields: { 'Release Type': 'text', 'Selection Rate': 'measure' },
    daily: true,
    completenessDays: 8,
  },
};
