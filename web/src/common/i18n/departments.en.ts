import type { zhCN } from "./departments.ts";

// The English side of `departments.ts`: the same keys, fetched only by readers in English (bundles.ts).
// A variable, not a literal, so English may add `_one` plural keys beyond the Chinese ones.
const enMessages = {
  dept: {
    nav: "Departments",
    list: {
      title: "Departments and districts",
      subtitle: "Browse the approving departments of the city and of each district: their contact details, the services they handle and their figures for the last year.",
      jump: "Go to a district",
      jumpLabel: "Go to:",
      city: "City departments",
      count: "{{count}} departments",
      count_one: "{{count}} department",
      items: "{{count}} services",
      items_one: "{{count}} service",
      noItems: "No online services yet",
      call: "Call {{name}} on {{phone}}",
      empty: "No departments to show",
    },
    page: {
      title: "Department",
      breadcrumb: "You are here",
      address: "Address",
      phone: "Enquiries",
      noContact: "Not published",
      items: "Services",
      itemsCount: "{{count}} in all",
      allItems: "View in Services",
      noItems: "This department has no services to apply for online yet.",
      notFound: {
        title: "Department not found",
        text: 'The link may be wrong, or the department has been reorganised. Please look it up under "Departments and districts".',
        back: "View all departments",
      },
    },
    fig: {
      title: "Service figures (last year)",
      label: "Service figures",
      closed: "Cases closed",
      closedNote: "Closed in the last year",
      onTimeRate: "Closed on time",
      onTimeNote: "Share closed within the time limit",
      averageWorkingDays: "Average time taken",
      averageNote: "From acceptance to closing",
      open: "Cases open",
      openNote: "Being handled now",
      satisfaction: "Satisfaction",
      evaluations: "{{count}} ratings",
      evaluations_one: "{{count}} rating",
      noEvaluations: "No ratings yet",
      noClosed: "No cases closed in the last year",
      days: "{{count}} working days",
      days_one: "{{count}} working day",
      note: 'Cases of the last 365 days (Beijing time). Time taken counts working days; satisfaction is the share of ratings "Satisfied" or "Very satisfied". "—" means there is nothing to show yet.',
    },
    chart: {
      title: "Cases closed per month",
      closed: "Closed",
      onTime: "Of which on time",
      alt: "Chart of the cases closed per month (last year): {{list}}",
      row: "{{month}}: {{closed}} closed, {{onTime}} on time",
      joiner: "; ",
      table: "Show the monthly figures as a table",
      caption: "Cases closed and closed on time per month (last year)",
      month: "Month",
      rate: "On-time share",
      empty: "No cases closed in the last year, so there is no chart yet.",
      unavailable: "The chart cannot be shown just now; the table below has the monthly figures.",
    },
    home: {
      all: "All departments",
    },
  },
};

export const en: typeof zhCN = enMessages;
