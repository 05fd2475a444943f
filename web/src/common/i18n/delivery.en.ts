import type { zhCN } from "./delivery.ts";

// The English side of `delivery.ts`: the same keys, fetched only by readers in English (bundles.ts).
export const en: typeof zhCN = {
  dc: {
    title: "How you receive the result",
    intro: "Choose how the result (the decision and any certificate) reaches you. You can change it until the decision is made.",
    method: "Delivery",
    methodRequired: "Choose how to receive the result",
    methods: { pickup: "Pick up at the hall", mail: "By mail", electronic: "Electronic" },
    hints: {
      pickup: "We tell you when it is ready; bring your ID document to the service window.",
      mail: "Sent by courier to the address you give; you get the tracking number by SMS.",
      electronic: "Download the electronic decision and certificate under My cases; they have the same force as paper.",
    },
    place: "Where",
    hours: "Opening hours",
    phone: "Phone",
    recipientName: "Recipient",
    recipientPhone: "Recipient's phone",
    address: "Full address",
    addressPlaceholder: "e.g. Unit 3-502, 18 Jinshan Road, Longxi Street, Yubei District, Chongqing",
    invalid: {
      recipientName: "Enter the recipient's name",
      phone: "Enter a valid mobile number (11 digits) or a landline with its area code",
      address: "Enter the full address: district, street and number",
    },
    save: "Save delivery choice",
    change: "Change delivery",
    cancel: "Cancel",
    saved: "Delivery choice saved",
    chosenAt: "Chosen on {{at}}",
    none: "You have not chosen how to receive the result yet.",
    closed: "The case is decided; the delivery can no longer be changed. Contact the service window if needed.",
    readyNotice: "You were told on {{at}} that the result is ready.",
    staff: {
      title: "Delivery chosen by the applicant",
      none: "The applicant has not chosen a delivery method.",
      prefilled: "The applicant chose \"{{method}}\"; the form below is filled in from that choice and can be changed.",
      phoneNote: "Recipient's phone: {{phone}}",
    },
  },
};
