/**
 * Terms a non-specialist reader is unlikely to know. Acronyms are found by their shape; this
 * list holds the words and product names that look ordinary but are IT jargon, and the
 * acronyms that everyone at work already knows.
 */

/** Acronyms and abbreviations a general office reader knows without explanation. */
export const EVERYDAY_ACRONYMS: ReadonlySet<string> = new Set(
  (
    'IT HR CEO CFO CTO COO CIO CMO MD PA VP PR PDF OK ID PIN PC PCS USB TV UK US USA EU UN FAQ FAQS AM PM ' +
    'BST GMT UTC CET EST PST EDT CST ASAP FYI RSVP ETA VAT GST TBC TBD NB PS PPS QR SMS GPS ATM HQ CV AI ' +
    'KPI KPIS ROI Q1 Q2 Q3 Q4 H1 H2 FY LTD PLC LLC INC NHS BBC DIY OOO AOB UX IOS MR MRS MS DR ST NO ' +
    'A B C D E I WIFI DVD CD URL WWW HTML PHD MBA IBAN GDPR HMRC DVLA MOT DBS NI NHS IRS DMV SSN HVAC RSVP PTO ' +
    'AOB ASAP'
  ).split(' '),
);

/** Technical words a non-specialist reader stumbles on, with a plainer phrasing where one exists. */
export const JARGON_WORDS: Readonly<Record<string, string>> = {
  'authenticate': 'sign in',
  'authentication': 'sign-in',
  'bandwidth': 'capacity',
  'cutover': 'switch-over',
  'credentials': 'passwords',
  'decommission': 'switch off',
  'decommissioned': 'switched off',
  'deprecate': 'phase out',
  'deprecated': 'phased out',
  'deprovision': 'remove',
  'deprovisioned': 'removed',
  'endpoint': 'device',
  'endpoints': 'laptops and phones',
  'exfiltration': 'data theft',
  'federate': 'connect',
  'federated': 'connected',
  'firmware': 'device software',
  'hard-coded': 'fixed',
  'hypervisor': 'server software',
  'latency': 'delay',
  'middleware': 'connecting software',
  'namespace': 'folder structure',
  'on-prem': 'in-house',
  'on-premises': 'in-house',
  'orchestration': 'automation',
  'provisioning': 'setting up',
  're-provisioning': 'setting up again',
  'provision': 'set up',
  're-enroll': 'sign up again',
  're-enrol': 'sign up again',
  'remediate': 'fix',
  'remediation': 'fixing',
  'spoofed': 'fake',
  'throughput': 'speed',
  'uptime': 'time working',
  'virtualisation': 'virtual servers',
  'virtualization': 'virtual servers',
  'intune': 'the device-management tool',
  'entra': 'the company sign-in system',
  'kubernetes': 'the server platform',
  'terraform': 'the server set-up tool',
  'saml': 'single sign-on',
};
