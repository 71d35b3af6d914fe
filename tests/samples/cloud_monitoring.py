import json

from tests.signers import Sample, basic

SECRET = "alerts:cloud-monitoring-password-71e2"

SAMPLE = Sample(
    secret=SECRET,
    sign=basic(SECRET),
    signature_header="Authorization",
    # The example payload of cloud.google.com/monitoring/support/notification-options#webhooks (abridged).
    body=json.dumps(
        {
            "incident": {
                "incident_id": "0.opqiw61fsv7p",
                "scoping_project_id": "internal-project",
                "scoping_project_number": 12345,
                "url": "https://console.cloud.google.com/monitoring/alerting/incidents/0.lxfiw61fsv7p?project=internal-project",
                "started_at": 1577840461,
                "ended_at": 1577877071,
                "state": "closed",
                "summary": "CPU utilization for internal-project gke-cluster-1-default-pool is above the threshold",
                "policy_name": "Monitor-Project-Cluster",
                "condition_name": "VM Instance - CPU utilization [MAX]",
            },
            "version": "1.2",
        }
    ).encode(),
    attributes={
        "event_type": "closed",
        "delivery_id": "0.opqiw61fsv7p/closed",
        "ce-source": "cloud_monitoring/internal-project",
        "ce-type": "cloud_monitoring.closed",
    },
    signs_body=False,
)
