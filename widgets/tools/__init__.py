"""The facilitator's command line: validate, check, handouts, new lessons."""
